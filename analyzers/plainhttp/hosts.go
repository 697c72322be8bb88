package plainhttp

import (
	"net/netip"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/loopback"
)

// Markers stand for the parts of a resolved URL that are only known at
// run time: unknownStr is any value; localStr is a value known to be a
// local address (a listener's Addr), as in tests that dial the server
// they started; internalStr is a value whose name says it is an
// in-cluster address.
const (
	unknownStr  = "\x00"
	localStr    = "\x01"
	internalStr = "\x02" // a run-time value named as in-cluster (svcAddr)
	markers     = unknownStr + localStr + internalStr
)

// hostClass is what the host of a plain-HTTP URL says about the traffic.
type hostClass int

const (
	// hostPublic is a concrete host name or address reached over a
	// network: the case the rule exists for.
	hostPublic hostClass = iota
	// hostDynamic is a host known only at run time (a Sprintf verb, a
	// parameter, a template placeholder): the scheme is still fixed.
	hostDynamic
	// hostEmpty is "http://" with nothing after it: a prefix used to
	// build or test URLs, not a URL.
	hostEmpty
	// hostLocal is loopback, unspecified (0.0.0.0) or a container's
	// name for the local machine.
	hostLocal
	// hostLinkLocal is a link-local address or a cloud metadata service,
	// which are plain HTTP by design and cannot be moved to TLS.
	hostLinkLocal
	// hostInternal is a cluster or private-network host: a single-label
	// service name, a private IP, or a name under .internal, .local,
	// .svc and the like.
	hostInternal
	// hostByDesign is a public service that is plain HTTP by design:
	// namespaces and schema identifiers that are never fetched, OCSP and
	// CRL responders (signed responses), and captive-portal probes.
	hostByDesign
	// hostAllowed is listed in -allow-hosts.
	hostAllowed
)

// urlParts is what the analyzer needs of a resolved URL value.
type urlParts struct {
	scheme string // "http" or "ws", lower case
	host   string // lower case, without port and brackets; may hold markers
	port   string // explicit port, if any
	path   string // path and the rest, may hold markers
	class  hostClass
}

// parseURL parses a resolved value that starts with a plain-HTTP or
// plain-WebSocket scheme. It reports false for anything else, including
// values whose start is only known at run time.
//
// A list of URLs in one value ("http://127.0.0.1:2379,http://127.0.0.1:4001",
// etcd's and Kafka's flag defaults; separated by commas, semicolons or
// white space before another scheme) is judged by its members, not as
// one URL whose host runs into the next: the first member whose host is
// public or known only at run time, else the first member.
func parseURL(s string, allow []string, internal bool) (urlParts, bool) {
	s = strings.TrimLeft(s, " \t\r\n")
	if items := urlList(s); len(items) > 1 {
		first, ok := parseOneURL(items[0], allow, internal)
		if !ok {
			return first, false
		}
		for _, it := range items {
			if p, ok := parseOneURL(it, allow, internal); ok && (p.class == hostPublic || p.class == hostDynamic) {
				return p, true
			}
		}
		return first, true
	}
	return parseOneURL(s, allow, internal)
}

// urlList splits s where a comma, semicolon or white space is followed
// by a URL scheme (http://, https://, ws://, wss://); one item if none.
func urlList(s string) []string {
	var items []string
	start := 0
	for i := 0; i < len(s); i++ {
		if !strings.ContainsRune(", ;\t\r\n", rune(s[i])) {
			continue
		}
		rest := strings.ToLower(strings.TrimLeft(s[i+1:], ", ;\t\r\n"))
		for _, sch := range []string{"http://", "https://", "ws://", "wss://"} {
			if strings.HasPrefix(rest, sch) {
				items = append(items, s[start:i])
				start = len(s) - len(strings.TrimLeft(s[i+1:], ", ;\t\r\n"))
				i = start - 1
				break
			}
		}
	}
	return append(items, s[start:])
}

// parseOneURL parses one URL value (parseURL).
func parseOneURL(s string, allow []string, internal bool) (urlParts, bool) {
	var p urlParts
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, "http://"):
		p.scheme, s = "http", s[len("http://"):]
	case strings.HasPrefix(lower, "ws://"):
		p.scheme, s = "ws", s[len("ws://"):]
	default:
		return p, false
	}
	authority := s
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		authority, p.path = s[:i], s[i:]
	}
	// Userinfo never decides anything and must never reach a message.
	if i := strings.LastIndexByte(authority, '@'); i >= 0 {
		authority = authority[i+1:]
	}
	host := authority
	if strings.HasPrefix(host, "[") {
		if i := strings.IndexByte(host, ']'); i > 0 {
			host, p.port = host[1:i], strings.TrimPrefix(host[i+1:], ":")
		}
	} else if i := strings.LastIndexByte(host, ':'); i >= 0 {
		host, p.port = host[:i], host[i+1:]
	}
	// "http://localhost" + port: a concrete host followed only by a
	// run-time part is that host with a run-time port.
	if i := strings.IndexAny(host, markers); i > 0 && strings.Trim(host[i:], markers) == "" && !strings.ContainsAny(host[i-1:i], ".-") {
		host, p.port = host[:i], unknownStr
	}
	p.host = strings.ToLower(host)
	p.class = classifyHost(p.host, p.path, allow, internal)
	return p, true
}

// classifyHost sorts a host (lower case, no port) into a hostClass.
func classifyHost(host, path string, allow []string, internal bool) hostClass {
	switch {
	case host == "":
		return hostEmpty
	case host == localStr:
		return hostLocal
	case host == internalStr && !internal:
		return hostInternal
	case strings.ContainsAny(host, markers+"{}<>$%*"):
		// A template placeholder (http://{host}, http://$HOST,
		// http://%s) or a value computed at run time, unless a known
		// domain follows it ("http://" + svc + ".svc.cluster.local").
		i := strings.LastIndexAny(host, markers+"{}<>$%*")
		if suffix := host[i+1:]; strings.HasPrefix(suffix, ".") && len(suffix) > 1 {
			if c := classifyHost("x"+suffix, path, allow, internal); c != hostPublic {
				return c
			}
		}
		return hostDynamic
	}
	for _, a := range allow {
		if a == host || (strings.HasPrefix(a, ".") && strings.HasSuffix(host, a)) || (strings.HasPrefix(a, "*.") && strings.HasSuffix(host, a[1:])) {
			return hostAllowed
		}
	}
	if loopback.Host(host) {
		return hostLocal
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		ip = ip.Unmap()
		switch {
		case ip.IsLinkLocalUnicast(), ip == metadataAlibaba, ip == metadataAWSv6:
			return hostLinkLocal
		case ip.IsPrivate() && !internal:
			return hostInternal
		}
		return hostPublic
	}
	host = strings.TrimSuffix(host, ".")
	switch host {
	case "metadata", "metadata.google.internal", "instance-data", "instance-data.ec2.internal":
		return hostLinkLocal
	}
	if isByDesign(host, path) {
		return hostByDesign
	}
	if !internal && isInternalName(host) {
		return hostInternal
	}
	return hostPublic
}

var (
	metadataAlibaba = netip.MustParseAddr("100.100.100.200")
	metadataAWSv6   = netip.MustParseAddr("fd00:ec2::254")
)

// internalSuffixes are DNS suffixes that only resolve inside a cluster,
// a VPC or a LAN.
var internalSuffixes = []string{
	".internal", ".local", ".localdomain", ".lan", ".home.arpa", ".intranet",
	".svc", ".cluster.local", ".consul", ".docker", ".corp",
}

// isInternalName reports whether host is a single-label name (an
// in-cluster service such as "prometheus" or "auth-service") or sits
// under an internal suffix.
func isInternalName(host string) bool {
	if !strings.Contains(host, ".") {
		return true
	}
	for _, s := range internalSuffixes {
		if strings.HasSuffix(host, s) {
			return true
		}
	}
	return false
}

// byDesignDomains are hosts (and their subdomains) whose http:// URLs
// are identifiers or plain HTTP on purpose.
var byDesignDomains = []string{
	// XML, JSON and RDF namespaces and schema identifiers.
	"w3.org", "json-schema.org", "schemas.xmlsoap.org", "xmlsoap.org",
	"schemas.microsoft.com", "schemas.openxmlformats.org", "schemas.android.com",
	"purl.org", "xmlns.com", "ns.adobe.com", "opengis.net", "docs.oasis-open.org",
	"schema.org", "ogp.me", "relaxng.org", "xml.org", "openid.net/specs",
	"apache.org/licenses", "opensource.org", "creativecommons.org",
	// Captive-portal and connectivity probes, plain HTTP so that a
	// portal can intercept them.
	"connectivitycheck.gstatic.com", "clients3.google.com", "captive.apple.com",
	"detectportal.firefox.com", "msftconnecttest.com", "msftncsi.com",
	"nmcheck.gnome.org", "network-test.debian.org",
}

// isByDesign reports whether host (and path) is a namespace, a schema
// identifier, an OCSP or CRL responder or a connectivity probe.
func isByDesign(host, path string) bool {
	if strings.HasPrefix(host, "ocsp.") || strings.HasPrefix(host, "crl.") || strings.HasPrefix(host, "crl3.") || strings.HasPrefix(host, "crl4.") {
		return true
	}
	// Reserved names that never resolve (RFC 2606): .invalid, .test.
	if strings.HasSuffix(host, ".invalid") || strings.HasSuffix(host, ".test") || host == "invalid" {
		return true
	}
	if strings.HasSuffix(strings.ToLower(path), ".crl") || strings.Contains(path, "/.well-known/acme-challenge/") {
		return true
	}
	for _, d := range byDesignDomains {
		dh, dp, _ := strings.Cut(d, "/")
		if host != dh && !strings.HasSuffix(host, "."+dh) {
			continue
		}
		if dp == "" || strings.HasPrefix(path, "/"+dp) {
			return true
		}
	}
	return false
}

// display renders a resolved URL for a message: scheme and host only,
// so that no user name, password, token in a query or path ever reaches
// a report.
func (p urlParts) display() string {
	host := p.host
	if p.class == hostDynamic {
		host = "<dynamic>"
	} else if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if p.port != "" && !strings.ContainsAny(p.port, markers) {
		host += ":" + p.port
	}
	return p.scheme + "://" + host
}
