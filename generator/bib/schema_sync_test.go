package bib

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/generator/front"
)

// front.Reference describes reference entries for the JSON Schema; it must name
// exactly the fields this package reads, or editors and the build would disagree.
func TestSchemaTypeNamesTheFieldsRead(t *testing.T) {
	var described []string
	for _, f := range front.Fields(reflect.TypeFor[front.Reference]()) {
		described = append(described, strings.ToLower(f.Name))
	}
	read := []string{"custom"}
	for _, f := range cslRead {
		read = append(read, strings.ToLower(f))
	}
	slices.Sort(described)
	slices.Sort(read)
	if !slices.Equal(described, read) {
		t.Errorf("front.Reference describes %v,\nbut the CSL reader reads %v", described, read)
	}
}
