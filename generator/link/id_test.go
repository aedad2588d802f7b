package link

import (
	"regexp"
	"testing"
)

// isID accepts exactly what the pattern of a web-address name accepts: every string
// of up to four characters from letters, digits, hyphens and a few that are not
// allowed, and some longer ones.
func TestIsIDMatchesThePattern(t *testing.T) {
	pattern := regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
	check := func(s string) {
		if got, want := isID(s), pattern.MatchString(s); got != want {
			t.Errorf("isID(%q) = %v, want %v", s, got, want)
		}
	}
	chars := []string{"a", "z", "0", "9", "-", "A", "_", "/", ".", " ", "é", "\n"}
	var grow func(s string, n int)
	grow = func(s string, n int) {
		check(s)
		if n == 0 {
			return
		}
		for _, c := range chars {
			grow(s+c, n-1)
		}
	}
	grow("", 4)
	for _, s := range []string{"cat-cow", "knee-to-chest-2", "cat--cow", "-cat", "cow-", "Cat-cow", "cat_cow", "kneeling-hip-flexor-stretch", "a-b-c-d-e-f"} {
		check(s)
	}
}
