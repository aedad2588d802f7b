# stretchguide: the two commands most people need are `make serve` and `make test`.
GO ?= go
BASE_URL ?=
STRETCHGUIDE = $(GO) run ./cmd/stretchguide

.PHONY: build serve check test vet clean fuzz

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
test: vet
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || \
	  echo "NOTICE: Chromium not found: browser tests will be SKIPPED (apt-get install chromium poppler-utils)"
	$(GO) test ./...

## fuzz: run every fuzz target for FUZZTIME each; an input that fails is saved under
## the package's testdata/fuzz/<target>/ and stays a test case once committed
FUZZTIME ?= 30s
fuzz:
	@set -e; for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$f ($$pkg) for $(FUZZTIME)"; \
	    $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg; \
	  done; \
	done

vet:
	$(GO) vet ./...

clean:
	rm -rf public
