# stretchguide: the two commands most people need are `make serve` and `make test`.
GO ?= go
BASE_URL ?=
STRETCHGUIDE = $(GO) run ./cmd/stretchguide

.PHONY: build serve check test vet clean

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
	rm -rf public
