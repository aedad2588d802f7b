package front

import (
	"reflect"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// bounds checks a decoded value against its field's range, given by the min and max
// tags: a whole number (Int), a length of time (Duration, written like 10m), or the
// number of items of a list (max only). A value outside is reported at n and left
// unset, so nothing computed from it can overflow.
func (d *decoder) bounds(f Field, n *yaml.Node, v reflect.Value, name string) {
	if f.Min == "" && f.Max == "" {
		return
	}
	written := strings.TrimSpace(n.Value)
	switch x := v.Addr().Interface().(type) {
	case *Int:
		lo, _ := strconv.Atoi(f.Min)
		hi, _ := strconv.Atoi(f.Max)
		if x.Valid() && (x.V < lo || x.V > hi) {
			d.add(n, false, "", "%s is %s; use a whole number from %d to %d", label(name), written, lo, hi)
			x.V, x.bad = 0, true
		}
	case *Duration:
		lo, _ := ParseDuration(f.Min)
		hi, _ := ParseDuration(f.Max)
		if x.V != 0 && (x.V < lo || x.V > hi) {
			d.add(n, false, "", "%s is %s; use a length of time from %s to %s", label(name), written, f.Min, f.Max)
			x.V = 0
		}
	default:
		hi, _ := strconv.Atoi(f.Max)
		if v.Kind() == reflect.Slice && n.Kind == yaml.SequenceNode && v.Len() > hi {
			d.add(n.Content[hi], false, "split it in two", "%s has %d items; the most is %d", label(name), v.Len(), hi)
			v.SetLen(hi)
		}
	}
}
