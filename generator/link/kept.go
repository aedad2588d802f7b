package link

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/stretchguide/stretchguide/generator/load"
)

// keepIn puts what rb resolved in spill, when there is one (Build's), so that the
// build does not hold it from link to the end of render: 10 MB for 10,000
// stretches, mostly citations' addresses and labels. Only the renderer reads it
// again, when it keys and renders the body (list).
func (rb *resolvedBody) keepIn(spill *load.Spill) {
	if spill == nil || len(rb.resolved) == 0 {
		return
	}
	n := binary.MaxVarintLen64
	for _, s := range rb.resolved {
		n += binary.MaxVarintLen64 + len(s)
	}
	b := binary.AppendUvarint(make([]byte, 0, n), uint64(len(rb.resolved)))
	for _, s := range rb.resolved {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	if r, ok := spill.Keep(b); ok {
		rb.resolved, rb.spilled, rb.spill = nil, r, spill
	}
}

// errResolved says that what was read back is not what keepIn wrote.
var errResolved = errors.New("what its links and citations resolved to is damaged")

// list is what each site resolved to: held, or read back from the spill (nil if
// that fails, which the spill's Err reports).
func (rb *resolvedBody) list() []string {
	if rb.spilled == nil {
		return rb.resolved
	}
	what := "what the links of page " + rb.url + " resolved to"
	b := rb.spill.Read(rb.spilled, what)
	if b == nil {
		return nil
	}
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)) {
		rb.spill.Fail(fmt.Errorf("%s: %w", what, errResolved))
		return nil
	}
	b = b[k:]
	list := make([]string, n)
	for i := range list {
		size, k := binary.Uvarint(b)
		if k <= 0 || size > uint64(len(b)-k) {
			rb.spill.Fail(fmt.Errorf("%s: %w", what, errResolved))
			return nil
		}
		list[i], b = string(b[k:k+int(size)]), b[k+int(size):]
	}
	return list
}
