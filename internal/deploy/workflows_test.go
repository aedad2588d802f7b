package deploy

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// workflow is the part of a GitHub Actions workflow these tests read.
type workflow struct {
	On          map[string]any    `yaml:"on"`
	Permissions map[string]string `yaml:"permissions"`
	Jobs        map[string]job    `yaml:"jobs"`
}

type job struct {
	Uses        string            `yaml:"uses"` // a reusable workflow
	If          string            `yaml:"if"`
	Needs       any               `yaml:"needs"`
	Container   any               `yaml:"container"`
	Permissions map[string]string `yaml:"permissions"`
	Environment struct {
		Name string `yaml:"name"`
		URL  string `yaml:"url"`
	} `yaml:"environment"`
	Env   map[string]string `yaml:"env"`
	Steps []step            `yaml:"steps"`
}

type step struct {
	ID   string            `yaml:"id"`
	Uses string            `yaml:"uses"`
	Run  string            `yaml:"run"`
	With map[string]string `yaml:"with"`
}

func readWorkflow(t *testing.T, name string) workflow {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, ".github", "workflows", name))
	if err != nil {
		t.Fatal(err)
	}
	var w workflow
	if err := yaml.Unmarshal(b, &w); err != nil {
		t.Fatalf("%s is not valid YAML: %v", name, err)
	}
	return w
}

// action finds the step of j that uses the action name (any version), or fails.
func (j job) action(t *testing.T, name string) step {
	t.Helper()
	for _, s := range j.Steps {
		if action, version, _ := strings.Cut(s.Uses, "@"); action == name && strings.HasPrefix(version, "v") {
			return s
		}
	}
	t.Errorf("no step uses %s@<version>", name)
	return step{}
}

// majors are the action versions a working deploy uses: the first majors that run on
// Node 24 (runners stopped defaulting to Node 20 in June 2026); upload-pages-artifact
// v5 is the first whose inner upload-artifact runs on Node 24.
var majors = map[string]string{
	"actions/checkout":              "v6",
	"actions/setup-go":              "v6",
	"actions/configure-pages":       "v6",
	"actions/upload-pages-artifact": "v5",
	"actions/deploy-pages":          "v5",
}

// checkMajors reports every step of j whose action is in majors at another version.
func (j job) checkMajors(t *testing.T, name string) {
	t.Helper()
	for _, s := range j.Steps {
		action, version, _ := strings.Cut(s.Uses, "@")
		if want, ok := majors[action]; ok && version != want {
			t.Errorf("job %s uses %s, want %s@%s", name, s.Uses, action, want)
		}
	}
}

// checkPermissions reports a job whose permissions are not exactly want.
func (j job) checkPermissions(t *testing.T, name string, want map[string]string) {
	t.Helper()
	if !maps.Equal(j.Permissions, want) {
		t.Errorf("job %s has permissions %v, want exactly %v", name, j.Permissions, want)
	}
}

func (j job) runs(t *testing.T, command string) step {
	t.Helper()
	for _, s := range j.Steps {
		if strings.Contains(s.Run, command) {
			return s
		}
	}
	t.Errorf("no step runs %s", command)
	return step{}
}

// needs reports whether the job waits for job other.
func (j job) needs(other string) bool {
	switch n := j.Needs.(type) {
	case string:
		return n == other
	case []any:
		for _, x := range n {
			if x == other {
				return true
			}
		}
	}
	return false
}

// index returns the position of s among the steps of j.
func (j job) index(s step) int {
	for i, x := range j.Steps {
		if x.ID == s.ID && x.Uses == s.Uses && x.Run == s.Run {
			return i
		}
	}
	return -1
}

func TestCIWorkflowRunsEveryTestOnPullRequests(t *testing.T) {
	w := readWorkflow(t, "ci.yml")
	if _, ok := w.On["pull_request"]; !ok {
		t.Error("ci.yml does not run on pull requests")
	}
	if _, ok := w.On["workflow_call"]; !ok {
		t.Error("ci.yml cannot be called by pages.yml (on: workflow_call)")
	}
	j, ok := w.Jobs["test"]
	if !ok {
		t.Fatal("ci.yml has no test job")
	}
	j.checkMajors(t, "test")
	j.action(t, "actions/checkout")
	if s := j.action(t, "actions/setup-go"); s.With["go-version-file"] != "go.mod" {
		t.Errorf("setup-go takes the Go version from %q, want go.mod", s.With["go-version-file"])
	}
	j.runs(t, ".ci/run")
	if j.Env["STRETCHGUIDE_REQUIRE_BROWSER"] != "1" {
		t.Error("browser tests are not mandatory in CI (STRETCHGUIDE_REQUIRE_BROWSER=1)")
	}
	if img, _ := j.Container.(string); !strings.HasPrefix(img, "debian:") {
		t.Errorf("the test job runs in %v, want a Debian container, whose chromium package the browser tests use", j.Container)
	}
	script, err := os.ReadFile(filepath.Join(root, ".ci", "run"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"chromium", "poppler-utils", "STRETCHGUIDE_REQUIRE_BROWSER=1", "make test"} {
		if !strings.Contains(string(script), want) {
			t.Errorf(".ci/run does not mention %s", want)
		}
	}
}

func TestPagesWorkflowTestsBuildsAndDeploys(t *testing.T) {
	w := readWorkflow(t, "pages.yml")
	push, _ := w.On["push"].(map[string]any)
	if branches, _ := push["branches"].([]any); len(branches) != 1 || branches[0] != "main" {
		t.Errorf("pages.yml runs on push to %v, want main", push["branches"])
	}
	if test := w.Jobs["test"]; test.Uses != "./.github/workflows/ci.yml" {
		t.Errorf("the test job uses %q, want the CI workflow, so make test runs before a deploy", test.Uses)
	}
	// Least privilege per job: nothing for the whole workflow, and each job exactly
	// what its steps need. configure-pages reads the Pages settings (pages: read);
	// deploy-pages writes them and proves who it is with an OIDC token.
	if len(w.Permissions) != 0 {
		t.Errorf("the workflow grants %v to every job; want permissions: {} and each job its own", w.Permissions)
	}
	w.Jobs["test"].checkPermissions(t, "test", map[string]string{"contents": "read"})
	w.Jobs["build"].checkPermissions(t, "build", map[string]string{"contents": "read", "pages": "read"})
	w.Jobs["deploy"].checkPermissions(t, "deploy", map[string]string{"pages": "write", "id-token": "write"})
	for name, j := range w.Jobs {
		j.checkMajors(t, name)
	}

	build := w.Jobs["build"]
	if !build.needs("test") {
		t.Error("the build job does not wait for the tests")
	}
	build.action(t, "actions/checkout")
	if s := build.action(t, "actions/setup-go"); s.With["go-version-file"] != "go.mod" {
		t.Errorf("setup-go takes the Go version from %q, want go.mod", s.With["go-version-file"])
	}
	pages := build.action(t, "actions/configure-pages")
	if pages.ID == "" {
		t.Fatal("the configure-pages step has no id, so its base_url cannot be read")
	}
	buildStep := build.runs(t, "make build")
	if want := "BASE_URL=\"${{ steps." + pages.ID + ".outputs.base_url }}\""; !strings.Contains(buildStep.Run, want) {
		t.Errorf("make build runs as %q, want the base URL of the Pages configuration, %s", buildStep.Run, want)
	}
	upload := build.action(t, "actions/upload-pages-artifact")
	if upload.With["path"] != "public" {
		t.Errorf("upload-pages-artifact uploads %q, want public", upload.With["path"])
	}
	if !(build.index(pages) < build.index(buildStep) && build.index(buildStep) < build.index(upload)) {
		t.Error("the build job must configure Pages, then build, then upload")
	}

	deploy := w.Jobs["deploy"]
	if !deploy.needs("build") {
		t.Error("the deploy job does not wait for the build")
	}
	d := deploy.action(t, "actions/deploy-pages")
	if deploy.Environment.Name != "github-pages" || deploy.Environment.URL != "${{ steps."+d.ID+".outputs.page_url }}" {
		t.Errorf("the deploy job's environment is %+v, want github-pages with the deployed page's URL", deploy.Environment)
	}
}
