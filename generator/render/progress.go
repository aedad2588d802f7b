package render

import "github.com/stretchguide/stretchguide/generator/guide"

// kindProgress is the "My progress" page, which the build makes: progress.js shows
// there the sessions the follow-along kept in the patient's browser. It holds no
// content of its own and is left out of the sitemap and the search.
const kindProgress guide.Kind = "progress"

func init() { pageKinds[kindProgress] = "progress.html" }

// progressPage is the made page at /progress/.
func progressPage() *guide.Page {
	return &guide.Page{Kind: kindProgress, Slug: "progress", URL: "progress/", Title: "My progress",
		Summary: "The stretching sessions you did with this guide, kept on this device only."}
}
