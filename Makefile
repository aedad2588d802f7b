# stretchguide: the two commands most people need are `make serve` and `make test`.
GO ?= go
BASE_URL ?=
STRETCHGUIDE = $(GO) run ./cmd/stretchguide

.PHONY: build serve check test vet clean fuzz bench

## build: build the bundled guide into public/
build:
	$(STRETCHGUIDE) build $(if $(BASE_URL),--base-url $(BASE_URL))

## serve: build the guide and serve it on http://127.0.0.1:1313/
serve:
	$(STRETCHGUIDE) serve --addr 127.0.0.1:1313

## check: report every problem in content/ without writing anything
check:
	$(STRETCHGUIDE) check

## test: every test; browser tests skip with a notice when Chromium is missing
test: vet node_modules
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || \
	  echo "NOTICE: Chromium not found: browser tests will be SKIPPED (apt-get install chromium poppler-utils)"
	$(GO) test -timeout 30m ./...

## fuzz: run every fuzz target for FUZZTIME each; an input that fails is saved under
## the package's testdata/fuzz/<target>/ and stays a test case once committed. A
## target that stops with only "context deadline exceeded" and no failing input (go
## test -fuzz can end so on a busy machine, having found nothing) runs once more.
FUZZTIME ?= 30s
fuzz:
	@set -e; log=$$(mktemp); trap 'rm -f "$$log"' EXIT; \
	for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$f ($$pkg) for $(FUZZTIME)"; \
	    for try in 1 2; do \
	      if $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg >"$$log" 2>&1; then tail -n 2 "$$log"; break; fi; \
	      cat "$$log"; \
	      if [ $$try = 2 ] || grep -q 'Failing input written' "$$log" || ! grep -q '^    context deadline exceeded$$' "$$log"; then exit 1; fi; \
	      echo "NOTICE: $$f found nothing but stopped late; running it once more"; \
	    done; \
	  done; \
	done

## bench: how fast the build is (each step and whole builds of 100, 1,000 and 10,000
## stretches against the goldmark floor, peak memory), save-to-reload in the dev
## server and every other benchmark, as tables; then the dev server under load for 10 s
bench:
	$(GO) run ./cmd/benchreport
	STRETCHGUIDE_LOAD_DURATION=10s $(GO) test -count=1 -run '^TestServeUnderLoad$$' -v ./cmd/stretchguide

## node_modules: the npm tools the tests use (axe-core, html-validate, cspell), from package-lock.json
node_modules: package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --ignore-scripts; \
	else echo "NOTICE: npm not found: accessibility and HTML checks will be SKIPPED (install Node.js and npm)"; fi

vet:
	$(GO) vet ./...

.PHONY: pdf-preview
## pdf-preview: build the guide and render page 1 of each routine's PDF handout to
## PNG in tmp/pdf-preview/ (git-ignored), to look at; needs pdftoppm (poppler-utils)
pdf-preview:
	@command -v pdftoppm >/dev/null || { echo "pdf-preview needs pdftoppm: apt-get install poppler-utils"; exit 1; }
	rm -rf tmp/pdf-preview && mkdir -p tmp/pdf-preview
	$(STRETCHGUIDE) build --out tmp/pdf-preview/site $(if $(BASE_URL),--base-url $(BASE_URL))
	for f in tmp/pdf-preview/site/routines/*.pdf; do \
	  pdftoppm -png -r 100 -f 1 -l 1 -singlefile "$$f" "tmp/pdf-preview/$$(basename "$$f" .pdf)" || exit 1; \
	done
	@echo "Page 1 of each handout:" && ls tmp/pdf-preview/*.png

clean:
	rm -rf public .public.prev .public.stretchguide.json .public.stretchguide-cache
