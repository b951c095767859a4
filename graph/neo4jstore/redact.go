package neo4jstore

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
)

// splitUserinfo splits a URI into what comes before its user information
// (the scheme and "://", or nothing), the user information (without its
// "@"; "" when there is none) and the rest. It reads the URI as text and
// needs no valid syntax: everything up to the last "@" after the scheme
// is taken for user information, since a password that is not escaped
// may hold any character, "@", "/", "?" and "#" included, and a Bolt URI
// has no other use for "@".
func splitUserinfo(uri string) (head, userinfo, rest string) {
	rest = uri
	if i := strings.Index(uri, "://"); i >= 0 {
		head, rest = uri[:i+3], uri[i+3:]
	}
	i := strings.LastIndex(rest, "@")
	if i < 0 {
		return head, "", rest
	}
	return head, rest[:i], rest[i+1:]
}

// Redact returns uri as errors and summaries may show it: without its
// user information (and so without any password), query or fragment.
// When what is left does not parse as a URI with a host, only its scheme
// is shown: Redact never returns what it cannot read.
func Redact(uri string) string {
	head, _, rest := splitUserinfo(uri)
	if head == "" {
		return "(unreadable URI)"
	}
	u, err := url.Parse(head + rest)
	if err != nil || u.Opaque != "" || u.User != nil || u.Host == "" {
		return strings.TrimSuffix(head, "://") + "://(unreadable URI)"
	}
	u.RawQuery, u.Fragment, u.RawFragment, u.ForceQuery = "", "", "", false
	return u.String()
}

// target returns uri without its user information, for the driver, which
// does not read it: the driver never sees a password it could repeat in
// an error.
func target(uri string) string {
	head, _, rest := splitUserinfo(uri)
	return head + rest
}

// quoted matches the quoted fragments of input in net/url's errors.
var quoted = regexp.MustCompile(`\s*"(?:[^"\\]|\\.)*"`)

// parseTarget parses the URI the driver is given (target), and returns an
// error that names the reason, without the fragments of the URI that
// net/url's errors quote: one of them may be a password the user forgot
// to end with "@".
func parseTarget(uri string) error {
	_, err := url.Parse(target(uri))
	var ue *url.Error
	if errors.As(err, &ue) {
		return fmt.Errorf("not a valid URI: %s", quoted.ReplaceAllString(ue.Err.Error(), ""))
	}
	return err
}

// secrets returns the strings that must never appear in what kg prints
// about a connection to uri with the given password: the password, the
// URI's user information, its password part (as written and unescaped)
// and the URI itself; longest first.
func secrets(uri, password string) []string {
	out := []string{password}
	if _, userinfo, _ := splitUserinfo(uri); userinfo != "" {
		out = append(out, uri, userinfo)
		if _, pass, ok := strings.Cut(userinfo, ":"); ok {
			out = append(out, pass)
			if p, err := url.PathUnescape(pass); err == nil {
				out = append(out, p)
			}
			if p, err := url.QueryUnescape(pass); err == nil {
				out = append(out, p)
			}
		}
	}
	out = slices.DeleteFunc(out, func(s string) bool { return s == "" })
	slices.SortFunc(out, func(a, b string) int { return len(b) - len(a) })
	return out
}

// scrub returns msg with every secret replaced by "***".
func scrub(msg string, secrets []string) string {
	for _, s := range secrets {
		msg = strings.ReplaceAll(msg, s, "***")
	}
	return msg
}

// scrubbed is an error whose message has its secrets scrubbed; it
// unwraps to the error it was made from, so that callers can still test
// what it is (errors.Is, errors.As), but prints only the scrubbed message.
type scrubbed struct {
	msg string
	err error
}

func (e *scrubbed) Error() string { return e.msg }
func (e *scrubbed) Unwrap() error { return e.err }

// scrubError returns err with its message scrubbed of the secrets of a
// connection to uri with password; nil for nil.
func scrubError(err error, uri, password string) error {
	if err == nil {
		return nil
	}
	return &scrubbed{msg: scrub(err.Error(), secrets(uri, password)), err: err}
}
