# stretchguide: the two commands most people need are `make serve` and `make test`.
GO ?= go
BASE_URL ?=
STRETCHGUIDE = $(GO) run ./cmd/stretchguide

.PHONY: build serve check test vet clean bench

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

## bench: benchmarks, among them the time from saving a stretch to the browser's reload at 100 and 1,000 stretches
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

vet:
	$(GO) vet ./...

clean:
	rm -rf public
