// Command kg builds a knowledge graph of actors and what they do to each
// other from news articles, into Neo4j or a local graph file, and queries it.
//
//	kg build [--out FILE] [--neo4j-uri URI] INPUT...
//	kg extract [--shard i/n] [--out FILE] INPUT...
//	kg load [--out FILE] [--neo4j-uri URI] FILE...
//	kg query [--format table|json|csv] [--param k=v]... [--write] CYPHER
//	kg schema apply
//	kg eval --gold DIR [--json] [--verbose]
//	kg serve [--addr 127.0.0.1:7475] [--graph FILE | Neo4j settings]
//
// Run `kg help COMMAND` for the flags of each.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/urfave/cli/v2"
)

// version is set at link time (-ldflags "-X main.version=...") or taken
// from the module's build info.
var version = ""

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run runs kg with args (args[0] is the program name) and returns its exit
// status. Errors are printed to stderr here, once, with the control and
// invisible characters they may quote from the data escaped (safeText).
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	err := newApp(stdin, stdout, stderr).RunContext(ctx, args)
	if err != nil {
		fmt.Fprintf(stderr, "kg: %s\n", safeText(err.Error()))
	}
	return exitCode(err)
}

// Exit statuses.
const (
	exitOK          = 0
	exitFailure     = 1 // an error, or rejected input with --strict
	exitUsage       = 2 // bad flags or arguments, a missing input path
	exitInterrupted = 130
)

// usageError is an error in how kg was invoked: exit status 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// usagef returns a usage error.
func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// errRejected is wrapped by the error of a --strict run that rejected input.
var errRejected = errors.New("input rejected")

// exitCode maps the error of a run to kg's exit status: the one place
// where that is decided.
func exitCode(err error) int {
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		return exitUsage
	case errors.Is(err, context.Canceled):
		return exitInterrupted
	}
	return exitFailure
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:    "kg",
		Usage:   "build a knowledge graph of actors and events from news articles",
		Version: versionString(),
		Description: "kg extracts people, organizations, countries, places and groups from news articles,\n" +
			"and what they do to each other (meets, proposes, denies, accuses, warns, ...), each\n" +
			"relation with the sentence that states it. It loads the graph into Neo4j, or writes a\n" +
			"local graph file when no Neo4j is configured.",
		Reader:    stdin,
		Writer:    stdout,
		ErrWriter: stderr,
		Commands: []*cli.Command{
			buildCommand(),
			extractCommand(),
			loadCommand(),
			queryCommand(),
			schemaCommand(),
			evalCommand(),
			exportCommand(),
			entityCommand(),
			betweenCommand(),
			neighborsCommand(),
			pathCommand(),
			timelineCommand(),
			serveCommand(),
		},
		// Flag values are taken whole: a --param value may hold commas.
		DisableSliceFlagSeparator: true,
		// Errors are printed and mapped to exit statuses by run, not by cli.
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError:   onUsageError,
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return usagef("unknown command %q (see kg --help)", c.Args().First())
			}
			return cli.ShowAppHelp(c)
		},
	}
	for _, c := range app.Commands {
		setUsageError(c)
	}
	return app
}

func setUsageError(c *cli.Command) {
	c.OnUsageError = onUsageError
	for _, sub := range c.Subcommands {
		setUsageError(sub)
	}
}

func onUsageError(c *cli.Context, err error, _ bool) error {
	name := "kg"
	if c != nil && c.Command != nil && c.Command.HelpName != "" {
		name = c.Command.HelpName
	}
	return usageError{fmt.Errorf("%w (see %s --help)", err, name)}
}

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}
