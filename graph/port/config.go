package port

import (
	"errors"
	"time"

	"github.com/kgraph/kg/graph/filestore"
)

// Config says which store to open: Neo4j when Neo4j.URI is set, else the
// graph file File. Which of them a user meant (a flag over the
// environment) is the caller's to decide before it fills Config.
type Config struct {
	// File is the path of the local graph file.
	File string
	// Neo4j is where Neo4j is; its zero value means no Neo4j.
	Neo4j Neo4j
	// Wait, when set, makes OpenWriter wait for the graph file when
	// another writer (a build or load, in any process) holds it: Wait is
	// called once, with who holds it ("process 4242 (since 10:02:03)"),
	// and OpenWriter returns once the file is free, or fails when ctx is
	// done. When nil, OpenWriter fails at once, with an error wrapping
	// ErrLocked.
	Wait func(holder string)
}

// ErrLocked is wrapped by the error of OpenWriter when another writer
// holds the graph file and Config.Wait is nil.
var ErrLocked = filestore.ErrLocked

// Neo4j holds the settings of a Neo4j store. Credentials are never
// printed: errors and summaries name the URI without them.
type Neo4j struct {
	// URI is the Bolt URI: bolt://host:7687, neo4j://host (routing),
	// neo4j+s://host for TLS.
	URI string
	// Username and Password authenticate with basic auth; with no
	// Password, no authentication is sent.
	Username, Password string
	// Database is the database to use; empty means the user's home
	// database.
	Database string
	// BatchSize is the largest number of rows one query unwinds; zero
	// means the store's default.
	BatchSize int
	// Writers is the number of concurrent loads a Writer reports it
	// gains from (Writer.Writers); zero means the store's default.
	Writers int
	// QueryTimeout is the server-side timeout of Cypher.Query and
	// Cypher.Write; zero means DefaultQueryTimeout, a negative value the
	// server's own setting.
	QueryTimeout time.Duration
}

// ErrNoNeo4j is the error, wrapped, of OpenCypher when Config names no
// Neo4j.
var ErrNoNeo4j = errors.New("no Neo4j configured")

// ErrNoFile is the error, wrapped, of OpenReader when the graph file does
// not exist (it also wraps fs.ErrNotExist).
var ErrNoFile = errors.New("no graph file")
