package schema

import (
	"fmt"
	"strings"
)

// FullTextIndex is the name of the full-text index over entity names and
// aliases.
const FullTextIndex = "entity_names"

// Label returns the Cypher label of entity type t, or an error when t is
// not an ontology type. Labels reach Cypher only through this function.
func Label(t EntityType) (string, error) {
	if !t.Valid() {
		return "", fmt.Errorf("unknown entity type %q", string(t))
	}
	return string(t), nil
}

// RelType returns the Cypher relationship type of t, or an error when t is
// not an ontology type. Relationship types reach Cypher only through this
// function.
func RelType(t RelationType) (string, error) {
	if !t.Valid() {
		return "", fmt.Errorf("unknown relation type %q", string(t))
	}
	return string(t), nil
}

// DDL returns the statements that set up kg's schema in Neo4j. Each is
// idempotent (IF NOT EXISTS), so applying them again changes nothing.
func DDL() []string {
	stmts := []string{
		"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE",
		"CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE",
		"CREATE INDEX article_sha256 IF NOT EXISTS FOR (a:Article) ON (a.sha256)",
		"CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name)",
	}
	for _, r := range Relations {
		stmts = append(stmts, fmt.Sprintf(
			"CREATE CONSTRAINT rel_%s_key IF NOT EXISTS FOR ()-[r:%s]-() REQUIRE r.key IS UNIQUE",
			strings.ToLower(string(r.Type)), r.Type))
	}
	stmts = append(stmts, fmt.Sprintf(
		"CREATE FULLTEXT INDEX %s IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliases, e.folded]", FullTextIndex))
	return stmts
}
