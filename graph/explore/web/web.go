// Package web is kg's graph explorer page: its HTML, JavaScript and
// styles with the vendored Cytoscape.js (embedded with go:embed; see
// vendor/README and vendor.sh), the JSON shapes the page reads, and the
// self-contained page (WriteStatic) that holds its own data and opens
// from disk.
//
// The page runs in one of two modes: served by kg serve (package
// explore), it asks the server's /api/ for what it shows; written by
// WriteStatic, it answers the same questions from the data in the page.
// Either way it never inserts data as HTML: names, evidence and titles
// become text nodes.
package web

import (
	"embed"
	"io/fs"
)

//go:embed index.html app.js app.css vendor/*.js vendor/*.LICENSE vendor/README
var files embed.FS

// FS holds the page: index.html, app.js, app.css and vendor/ (the
// libraries, their licences and the README naming their versions).
var FS fs.FS = files

// Scripts are the page's scripts in the order it loads them: each
// vendored library defines a global the next one uses, and app.js uses
// them all.
var Scripts = []string{
	"vendor/cytoscape.min.js",
	"vendor/layout-base.js",
	"vendor/cose-base.js",
	"vendor/cytoscape-fcose.js",
	"app.js",
}

// Styles are the page's style sheets.
var Styles = []string{"app.css"}
