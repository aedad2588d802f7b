package spelling

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/internal/browsertest"
)

const root = "../.."

// cspell is the cspell program of node_modules; the test skips with a notice
// without it, unless the tools are required (as in CI).
func cspell(t *testing.T) string {
	t.Helper()
	bin, err := filepath.Abs(filepath.Join(root, "node_modules", ".bin", "cspell"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(bin); err != nil {
		if os.Getenv(browsertest.RequireEnv) == "1" {
			t.Fatalf("cspell is required (%s=1) but missing: run npm ci at the module root", browsertest.RequireEnv)
		}
		t.Skipf("SKIPPED: needs node_modules/.bin/cspell: run npm ci at the module root (set %s=1 to make this a failure)", browsertest.RequireEnv)
	}
	return bin
}

// Every word of the shipped content (and the guide `init` writes) is in the
// English or medical dictionary or the project's word list.
func TestShippedContentIsSpelledRight(t *testing.T) {
	cmd := exec.Command(cspell(t), "--no-progress", "--no-summary", "--config", "cspell.json")
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Errorf("cspell found words it does not know: fix the spelling, or add a real word to .cspell-words.txt\n%s", out)
	}
}

// The check is real: a misspelling is caught, and a medical word is known.
func TestSpellCheckCatchesAMisspelling(t *testing.T) {
	cmd := exec.Command(cspell(t), "--no-progress", "--no-summary", "--config", "cspell.json", "stdin")
	cmd.Dir = root
	cmd.Stdin = strings.NewReader("Hold the hamstring strech for thirty seconds if you have no radiculopathy.\n")
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "strech") || strings.Contains(string(out), "radiculopathy") || strings.Contains(string(out), "hamstring") {
		t.Errorf("want only strech flagged, got (err %v):\n%s", err, out)
	}
}
