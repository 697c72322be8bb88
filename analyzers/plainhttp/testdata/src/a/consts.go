package a

// apiBase is used by a.go: the finding is here, where the URL is written.
const apiBase = "http://api.example.com/v1" // want `constant apiBase holds plain HTTP URL http://api.example.com`

// Constants named like a base URL are reported even when this package
// does not use them.
const BillingBaseURL = "http://billing.example.com" // want `constant BillingBaseURL holds plain HTTP URL http://billing.example.com`

// Near miss: the same name with https.
const LedgerBaseURL = "https://ledger.example.com"

// Near miss: a documentation link is named as such and never called.
const DocsURL = "http://docs.example.com/guide"

// Near miss: a template with a placeholder host is not a URL yet.
const TenantBaseURL = "http://{tenant}.example.com"

// Near miss: the scheme prefix alone has no host.
const httpPrefix = "http://"

// Near miss: an XML namespace is an identifier, never fetched.
const SOAPEndpointNS = "http://schemas.xmlsoap.org/soap/envelope/"

// Near miss: a bare URL constant is a link, not a base URL.
const URL = "http://example.net/about"

var (
	// Package variables holding a base URL.
	paymentsEndpoint = "http://payments.example.com/api" // want `variable paymentsEndpoint holds plain HTTP URL http://payments.example.com`

	// Near miss: loopback.
	devEndpoint = "http://127.0.0.1:8080"
)
