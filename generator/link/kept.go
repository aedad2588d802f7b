package link

import "github.com/stretchguide/stretchguide/generator/load"

// keepIn puts what rb resolved in spill, when there is one (Build's), so that the
// build does not hold it from link to the end of render: 10 MB for 10,000
// stretches, mostly citations' addresses and labels. Only the renderer reads it
// again, when it keys and renders the body (list).
func (rb *resolvedBody) keepIn(spill *load.Spill) {
	if spill == nil || len(rb.resolved) == 0 {
		return
	}
	if r, ok := spill.KeepStrings(rb.resolved); ok {
		rb.resolved, rb.spilled, rb.spill = nil, r, spill
	}
}

// list is what each site resolved to: held, or read back from the spill (nil if
// that fails, which the spill's Err reports).
func (rb *resolvedBody) list() []string {
	if rb.spilled == nil {
		return rb.resolved
	}
	return rb.spill.ReadStrings(rb.spilled, "what the links of page "+rb.url+" resolved to")
}
