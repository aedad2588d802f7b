package link

import "github.com/stretchguide/stretchguide/generator/guide"

// positions groups the stretches by body position, in the order of guide.Positions,
// keeping only positions that some stretch uses. Call it after sort, so each
// position's stretches are in title order.
func (l *linker) positions() {
	for _, p := range guide.Positions {
		pos := p
		pos.URL = "positions/" + p.ID + "/"
		for _, s := range l.g.Stretches {
			if s.Position == p.ID {
				pos.Stretches = append(pos.Stretches, s)
			}
		}
		if len(pos.Stretches) > 0 {
			l.g.Positions = append(l.g.Positions, &pos)
		}
	}
}
