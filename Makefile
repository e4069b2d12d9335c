# gapmap — make targets. `make test` is what CI runs (.ci/run).
GO        ?= go
BIN       := bin/gapmap
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -s -w -X main.version=$(VERSION)
PKGS      := ./...
FUZZTIME  ?= 5s

.PHONY: all build run test test-go fuzz lint-md e2e bench bench-tty generate lint tools screenshot clean

all: build

build: ## Build bin/gapmap
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/gapmap

run: ## Start the app (the interactive assessment)
	$(GO) run ./cmd/gapmap

test: tools lint test-go fuzz lint-md ## Everything CI checks: gofmt, vet, staticcheck, unit, golden, fuzz, markdownlint, tmux end-to-end
	@echo "make test: all checks passed"

test-go: build
	GAPMAP_BIN=$(CURDIR)/$(BIN) $(GO) test -count=1 $(PKGS)

fuzz: ## Fuzz both file loaders, the input scan, the split of a bank into parts, the fast YAML parser against yaml.v3, the preview's Markdown renderer and the workbook reader for a few seconds each (interesting inputs are not minimized, to keep the time for fuzzing)
	$(GO) test ./internal/questionnaire -run '^$$' -fuzz FuzzLoad -fuzztime $(FUZZTIME) -fuzzminimizetime 1x
	$(GO) test ./internal/assessment -run '^$$' -fuzz FuzzParseFile -fuzztime $(FUZZTIME) -fuzzminimizetime 1x
	$(GO) test ./internal/yamlfile -run '^$$' -fuzz FuzzCheckBoundsTheParse -fuzztime $(FUZZTIME) -fuzzminimizetime 1x
	$(GO) test ./internal/yamlfile -run '^$$' -fuzz FuzzSplitMatchesWhole -fuzztime $(FUZZTIME) -fuzzminimizetime 1x
	$(GO) test ./internal/yamlfile -run '^$$' -fuzz FuzzFastParseMatchesYAML -fuzztime $(FUZZTIME) -fuzzminimizetime 1x
	$(GO) test ./internal/mdterm -run '^$$' -fuzz FuzzRender -fuzztime $(FUZZTIME) -fuzzminimizetime 1x
	$(GO) test ./internal/xlsx -run '^$$' -fuzz '^FuzzOpen$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 1x
	$(GO) test ./internal/xlsx -run '^$$' -fuzz '^FuzzSheet$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 1x
	$(GO) test ./internal/xlsx -run '^$$' -fuzz '^FuzzTextRoundTrip$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 1x

lint-md: tools ## markdownlint-cli2 on the golden Markdown exports
	npx --no-install markdownlint-cli2 "internal/report/testdata/*.md" README.md "docs/*.md"

bench: ## Performance targets (see README, Performance)
	$(GO) test -run '^$$' -bench . -benchmem $(PKGS)

# The peer bench-tty compares against, pinned; `go install` needs only the Go
# module proxy.
GUM_VERSION := v0.17.0
GUM         := bin/tools/gum-$(GUM_VERSION)/gum
BENCHTTY    ?=

bench-tty: build $(GUM) ## The real binary in a 120x40 pseudo-terminal against gum choose (BENCHTTY='-runs 9' to change)
	$(GO) run ./cmd/benchtty -gapmap $(BIN) -gum $(GUM) $(BENCHTTY)

$(GUM):
	GOBIN=$(CURDIR)/$(dir $(GUM)) $(GO) install github.com/charmbracelet/gum@$(GUM_VERSION)

generate: ## Regenerate the compiled built-in questionnaires after editing questionnaires/*.yaml
	$(GO) generate ./internal/questionnaire

lint: ## gofmt, go vet, staticcheck (pinned by the tool line in go.mod), and no excelize in the binary
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt: files above need formatting"; exit 1; }
	@! $(GO) list -deps ./cmd/gapmap | grep excelize || { echo "excelize is linked into gapmap: its package initialiser runs at every start; use internal/xlsx (excelize is for tests only)"; exit 1; }
	$(GO) vet $(PKGS)
	$(GO) tool staticcheck $(PKGS)

tools: ## Install what the tests need: tmux (Debian) and markdownlint-cli2 (npm)
	@sh scripts/install-test-tools.sh

clean:
	rm -rf bin

screenshot: ## Regenerate the README pictures from the real program (tmux + freeze)
	sh scripts/screenshot.sh
