package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph/explore"
	"github.com/kgraph/kg/graph/filestore"
	"github.com/kgraph/kg/graph/neo4jstore"
)

// defaultAddr is where kg serve listens: loopback only.
const defaultAddr = "127.0.0.1:7475"

// The stores that kg opens are the explorer's readers.
var (
	_ explore.Reader = (*filestore.Memory)(nil)
	_ explore.Reader = (*neo4jstore.Store)(nil)
)

type serveOptions struct {
	Addr       string
	AllowHosts []string
	Source     sourceOptions
	// Ready, when set, is called with the address listened on.
	Ready func(addr string)
}

func serveCommand() *cli.Command {
	return &cli.Command{
		Name:      "serve",
		Usage:     "explore the graph in a web browser: search, expand, filter, read the evidence",
		ArgsUsage: " ",
		Description: `Serves kg's graph explorer, a web page, at http://ADDR/ (default ` + defaultAddr + `): search an
entity by name (as kg entity does), expand its neighbours, filter the relations by type,
date, confidence and source, click a line to read every relation it stands for with its
evidence sentence, article and date, and export the view (SVG, PNG, GraphML, Cytoscape
JSON). The page's state is in its URL, to be shared. Its JSON API, under /api/, is for
scripts too (docs/explorer.md).

Read-only. Everything the page needs is in the kg binary: it works offline. By default
the server listens on loopback only, and refuses requests whose Host or Origin header
is not a loopback name (localhost, 127.0.0.1, [::1]): a web page elsewhere cannot reach
it. To serve under another name, give --addr and --allow-host NAME.

Reads Neo4j when NEO4J_URI or --neo4j-uri is set, else the local graph file
(--graph FILE, default ` + defaultOut + `; read once, at start).

Example:
  kg serve --graph kg-out/graph.json
  NEO4J_URI=bolt://127.0.0.1:7687 kg serve --addr 127.0.0.1:8080`,
		Flags: concat([]cli.Flag{
			&cli.StringFlag{Name: "addr", Value: defaultAddr, Usage: "listen on `HOST:PORT` (port 0: any free port)"},
			&cli.StringSliceFlag{Name: "allow-host", Usage: "also answer requests for the host `NAME` (repeatable)"},
		}, sourceFlags()),
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return usagef("serve: unexpected argument %q", c.Args().First())
			}
			opts := serveOptions{Addr: c.String("addr"), AllowHosts: c.StringSlice("allow-host"), Source: sourceOptionsFrom(c)}
			return runServe(c.Context, opts, c.App.Writer, c.App.ErrWriter)
		},
	}
}

// runServe serves the explorer until ctx is done, then shuts the server
// down, letting requests in flight finish for a few seconds.
func runServe(ctx context.Context, opts serveOptions, stdout, stderr io.Writer) error {
	if err := opts.Source.check(); err != nil {
		return err
	}
	host, _, err := net.SplitHostPort(opts.Addr)
	if err != nil {
		return usagef("--addr %q: want HOST:PORT (%v)", opts.Addr, err)
	}
	src, err := opts.Source.open(ctx)
	if err != nil {
		return err
	}
	defer src.Close()
	r, ok := src.(explore.Reader)
	if !ok {
		return fmt.Errorf("serve: the store %T cannot be explored", src)
	}
	title := opts.Source.Graph
	if opts.Source.useNeo4j() {
		title = redactURI(opts.Source.Neo4j.URI)
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	srv := &http.Server{
		Handler:           explore.New(r, explore.Options{AllowHosts: opts.AllowHosts, Title: title, Lookup: lookup()}),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    1 << 20,
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		fmt.Fprintf(stderr, "kg: listening on %s, beyond this machine; requests are still refused unless their Host is a loopback name or one of --allow-host\n", opts.Addr)
	}
	fmt.Fprintf(stdout, "kg serve: exploring %s at http://%s/ (Ctrl-C stops)\n", title, ln.Addr())
	if opts.Ready != nil {
		opts.Ready(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("serve: %w", err)
	}
	<-errc
	return nil
}

// redactURI returns uri without its password.
func redactURI(uri string) string {
	u, err := url.Parse(uri)
	if err != nil {
		return "Neo4j"
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	return u.String()
}
