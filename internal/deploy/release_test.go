package deploy

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// releaseTargets are the systems the release workflow builds for, as GOOS/GOARCH.
var releaseTargets = []string{"linux/amd64", "linux/arm64", "darwin/amd64", "darwin/arm64", "windows/amd64"}

// The release workflow runs on version tags, tests first, builds every target with
// checksums, and only its release job may write to the repository.
func TestReleaseWorkflowBuildsEveryTargetOnATag(t *testing.T) {
	w := readWorkflow(t, "release.yml")
	push, _ := w.On["push"].(map[string]any)
	if tags, _ := push["tags"].([]any); !slices.Contains(tags, any("v*")) || push["branches"] != nil {
		t.Errorf("want it to run on pushed tags v*, got on: %v", w.On)
	}
	if _, ok := w.On["workflow_dispatch"]; !ok {
		t.Error("want workflow_dispatch, for a dry run that publishes nothing")
	}
	if len(w.Permissions) != 1 || w.Permissions["contents"] != "read" {
		t.Errorf("workflow permissions = %v, want contents: read only", w.Permissions)
	}
	if w.Jobs["test"].Uses != "./.github/workflows/ci.yml" {
		t.Error("want a test job reusing ci.yml before the build")
	}
	build := w.Jobs["build"]
	if !build.needs("test") || build.Permissions != nil {
		t.Errorf("build job: needs %v, permissions %v; want it after test, with the read-only default", build.Needs, build.Permissions)
	}
	if got := strings.Fields(build.Env["TARGETS"]); !slices.Equal(got, releaseTargets) {
		t.Errorf("TARGETS = %q, want %q", got, releaseTargets)
	}
	script := build.runs(t, "go build").Run
	for _, want := range []string{"CGO_ENABLED=0", "./cmd/stretchguide", "sha256sum", "SHA256SUMS", "stretchguide.exe"} {
		if !strings.Contains(script, want) {
			t.Errorf("the build step does not hold %q", want)
		}
	}
	build.action(t, "actions/upload-artifact")
	release := w.Jobs["release"]
	if !release.needs("build") || len(release.Permissions) != 1 || release.Permissions["contents"] != "write" {
		t.Errorf("release job: needs %v, permissions %v; want it after build with contents: write only", release.Needs, release.Permissions)
	}
	if !strings.Contains(release.If, "refs/tags/v") {
		t.Errorf("release job runs if %q; want only on a version tag, so a manual run is a dry run", release.If)
	}
	release.action(t, "actions/download-artifact")
	if s := release.runs(t, "gh release create").Run; !strings.Contains(s, "dist/*") || !strings.Contains(s, "--verify-tag") {
		t.Errorf("the release step %q should attach dist/* to the existing tag", s)
	}
}

// actionlintVersion is the actionlint the tests run, through the Go module proxy.
const actionlintVersion = "v1.7.12"

// Every workflow passes actionlint. Without the network (and so without actionlint)
// it is skipped with a notice, except in CI, where it must run.
func TestWorkflowsPassActionlint(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: actionlint not run")
	}
	cmd := exec.Command("go", "run", "github.com/rhysd/actionlint/cmd/actionlint@"+actionlintVersion, "-no-color")
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	if err == nil {
		return
	}
	if strings.Contains(string(out), "github.com/rhysd/actionlint") && os.Getenv("GITHUB_ACTIONS") != "true" {
		t.Skipf("NOTICE: actionlint %s could not be fetched (offline?), workflows not linted:\n%s", actionlintVersion, out)
	}
	t.Errorf("actionlint: %v\n%s", err, out)
}
