# slant: `make` builds bin/slant and analyses the demo corpus into out/;
# `make test` runs every test. See README.md.

GO      ?= go
BIN     := bin/slant
CORPUS  := testdata/corpus
OUT     := out
EVAL    := ../shared/eval
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
SOURCES := $(shell find cmd analysis report corpus -name '*.go' -not -name '*_test.go') \
           $(shell find analysis -name '*.yaml' -o -name '*.txt' -o -name '*.json' -o -name '*.bin') \
           $(wildcard report/*.tmpl report/assets/*) go.mod go.sum

.PHONY: all build analyze test fuzz eval model bench clean

all: analyze

build: $(BIN)

$(BIN): $(SOURCES)
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o $@ ./cmd/slant

analyze: $(BIN)
	$(BIN) analyze -out $(OUT) $(CORPUS)

test:
	$(GO) vet ./...
	$(GO) test ./...

# Each fuzz target for FUZZTIME (go test takes one target at a time). A count
# (Nx) rather than a duration: duration limits trip a race in Go 1.26's fuzz
# coordinator that fails a target with "context deadline exceeded" and no
# crasher (go.dev/issue/75804).
FUZZTIME ?= 200000x
fuzz:
	@for pkg in $$($(GO) list -f '{{if or .TestGoFiles .XTestGoFiles}}{{.ImportPath}}{{end}}' ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "$$pkg $$f"; \
	    $(GO) test $$pkg -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) || exit 1; \
	  done; \
	done

# Accuracy against the human-labelled data in ../shared/eval.
eval:
	$(GO) run ./cmd/slant-eval -data $(EVAL)

# The target sentiment model, from NewsMTSC's training set; the same data
# gives byte-identical weights.
model:
	$(GO) run ./cmd/slant-train -data $(EVAL)/newsmtsc/train.jsonl -out analysis/tone/target_model.txt

# Speed: per-stage Go benchmarks (MB/s of article text, allocations), then
# slant end to end on a real corpus with 1 and 2 workers, on a corpus of at
# least 250 MB built from it in a temp dir, and NLTK's VADER on the same text
# (skipped, saying so, when PYTHON lacks nltk); prints a table.
BENCH_CORPUS := $(EVAL)/corpora/abp-sample-2000.jsonl
PYTHON       ?= /usr/bin/python3
bench: $(BIN)
	$(GO) test -run '^$$' -bench . -benchmem ./analysis/... ./corpus ./report
	@if [ -f $(BENCH_CORPUS) ]; then \
	  $(GO) run ./cmd/slant-bench -slant $(BIN) -corpus $(BENCH_CORPUS) -python $(PYTHON) -lexicon $(EVAL)/lexicons/vader_lexicon.txt; \
	else echo "bench: $(BENCH_CORPUS) not found, end-to-end runs skipped"; fi

clean:
	rm -rf bin $(OUT)
