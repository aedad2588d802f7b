package release

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

const root = "../.."

// targets reads the GOOS/GOARCH list of the release workflow's build job.
func targets(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, ".github", "workflows", "release.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var w struct {
		Jobs map[string]struct {
			Env map[string]string `yaml:"env"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(b, &w); err != nil {
		t.Fatal(err)
	}
	list := strings.Fields(w.Jobs["build"].Env["TARGETS"])
	if len(list) == 0 {
		t.Fatal("release.yml: the build job has no TARGETS")
	}
	return list
}

// The dry run of a release: the command cross-compiles for every target of the
// release workflow, without cgo, as the workflow builds it.
func TestReleaseTargetsCrossCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: cross-compiling skipped")
	}
	dir := t.TempDir()
	for _, target := range targets(t) {
		goos, goarch, _ := strings.Cut(target, "/")
		t.Run(goos+"_"+goarch, func(t *testing.T) {
			out := filepath.Join(dir, goos+"_"+goarch, "stretchguide")
			cmd := exec.Command("go", "build", "-trimpath", "-o", out, "./cmd/stretchguide")
			cmd.Dir = root
			cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+goos, "GOARCH="+goarch)
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("go build for %s: %v\n%s", target, err, b)
			}
			if info, err := os.Stat(out); err != nil || info.Size() == 0 {
				t.Errorf("no program built for %s: %v", target, err)
			}
		})
	}
}
