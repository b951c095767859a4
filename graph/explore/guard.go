package explore

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// ContentSecurityPolicy is the policy of every response: scripts, styles,
// fonts and connections from the server itself only (no inline script,
// no eval), images from itself or data and blob URLs (the exported
// pictures), no plugins, no frames, no form posts, no base URL.
const ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
	"connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// setSecurityHeaders sets the headers every response carries.
func setSecurityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", ContentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
}

// refuse returns why r is refused, or "" when it is accepted: its Host
// must be a loopback name (or one of Options.AllowHosts), its Origin, when
// it has one, too, and it must not come from another site. A page served
// from elsewhere whose name was made to resolve to 127.0.0.1 (DNS
// rebinding) sends its own name as Host, and is refused.
func (s *Server) refuse(r *http.Request) string {
	if !s.allowedHost(r.Host) {
		return fmt.Sprintf("kg serve: refused: Host %q is not a loopback name (the explorer answers to localhost, 127.0.0.1 and [::1] only, and to the names given with --allow-host)", r.Host)
	}
	if o := r.Header.Get("Origin"); o != "" {
		u, err := url.Parse(o)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !s.allowedHost(u.Host) {
			return fmt.Sprintf("kg serve: refused: Origin %q is not a loopback origin", o)
		}
	}
	if r.Header.Get("Sec-Fetch-Site") == "cross-site" {
		return "kg serve: refused: a cross-site request"
	}
	return ""
}

// allowedHost reports whether hostport (a Host header, or an origin's
// host) names a loopback address, localhost, or one of the allowed hosts.
func (s *Server) allowedHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	} else if strings.HasPrefix(host, "[") && strings.HasSuffix(host, "]") {
		host = host[1 : len(host)-1]
	}
	if host == "" {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return true
	}
	for _, a := range s.opts.AllowHosts {
		if a != "" && strings.EqualFold(a, host) {
			return true
		}
	}
	return false
}
