package guide

import "sort"

// Position is a body position stretches are done in; each used one has a page
// listing its stretches, so a patient can find what they can manage without a script.
type Position struct {
	ID        string // lying, kneeling, sitting or standing
	Title     string // "Lying down"
	Summary   string
	URL       string
	Stretches []*Stretch // by title
}

// Positions are the positions a stretch may name, from the floor up, with the words
// patients see.
var Positions = []Position{
	{ID: "lying", Title: "Lying down", Summary: "Stretches you do lying on a mat on the floor."},
	{ID: "kneeling", Title: "Kneeling", Summary: "Stretches you do kneeling, or on your hands and knees, on a mat."},
	{ID: "sitting", Title: "Sitting", Summary: "Stretches you do sitting on a sturdy chair."},
	{ID: "standing", Title: "Standing", Summary: "Stretches you do standing up, some with a hand on a counter or chair for balance."},
}

// Equipment lists every piece of equipment the guide's stretches use, each once, in
// alphabetical order.
func (g *Guide) Equipment() []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range g.Stretches {
		for _, e := range s.Equipment {
			if !seen[e] {
				seen[e] = true
				out = append(out, e)
			}
		}
	}
	sort.Strings(out)
	return out
}

// Position returns the position with the given id that some stretch uses, or nil.
func (g *Guide) Position(id string) *Position {
	for _, p := range g.Positions {
		if p.ID == id {
			return p
		}
	}
	return nil
}
