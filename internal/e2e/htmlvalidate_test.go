package e2e

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// htmlValidate runs html-validate (npm) with the module's .htmlvalidate.json on the
// files and returns one line per error: file, line, column, rule and message.
func htmlValidate(t *testing.T, files []string) []string {
	t.Helper()
	bin := npmFile(t, ".bin/html-validate")
	config := filepath.Join(moduleRoot(t), ".htmlvalidate.json")
	cmd := exec.Command(bin, append([]string{"--config", config, "--formatter", "json"}, files...)...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if _, failed := err.(*exec.ExitError); err != nil && (!failed || len(out) == 0) {
		t.Fatalf("html-validate: %v\n%s", err, stderr.String())
	}
	var results []struct {
		FilePath string `json:"filePath"`
		Messages []struct {
			RuleID   string `json:"ruleId"`
			Severity int    `json:"severity"`
			Message  string `json:"message"`
			Line     int    `json:"line"`
			Column   int    `json:"column"`
		} `json:"messages"`
	}
	if err := json.Unmarshal(out, &results); err != nil {
		t.Fatalf("reading html-validate's report: %v\n%s", err, out)
	}
	var errs []string
	for _, r := range results {
		for _, m := range r.Messages {
			if m.Severity == 2 {
				errs = append(errs, fmt.Sprintf("%s:%d:%d: %s (%s)", r.FilePath, m.Line, m.Column, m.Message, m.RuleID))
			}
		}
	}
	return errs
}

// TestHTMLValid runs html-validate's recommended rules over every page of the shipped
// guide: zero errors.
func TestHTMLValid(t *testing.T) {
	t.Parallel()
	site := builtGuide(t)
	var files []string
	for _, f := range htmlFiles(t, site) {
		files = append(files, filepath.Join(site, filepath.FromSlash(f)))
	}
	if len(files) < 20 {
		t.Fatalf("the guide has only %d pages", len(files))
	}
	report(t, "html-validate", htmlValidate(t, files))
}

// TestHTMLValidateFailsOnBrokenFixtures shows the validation is not vacuous: a picture
// without alt text, an unclosed element and an inline style are each reported, and
// the good fixture is not.
func TestHTMLValidateFailsOnBrokenFixtures(t *testing.T) {
	t.Parallel()
	for file, rule := range map[string]string{
		"good.html":         "",
		"missing-alt.html":  "(wcag/h37)",
		"unclosed.html":     "(close-order)",
		"inline-style.html": "(no-inline-style)",
	} {
		errs := htmlValidate(t, []string{filepath.Join("testdata", "broken", file)})
		if rule == "" {
			report(t, "html-validate on "+file, errs)
			continue
		}
		if !strings.Contains(strings.Join(errs, "\n"), rule) {
			t.Errorf("html-validate did not report %s on %s; it said: %v", rule, file, errs)
		}
	}
}
