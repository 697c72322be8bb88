package main

import (
	"net/http"
	"net/url"
)

// mirrorURL is the artifact mirror in the build farm; it has no TLS.
var mirrorURL = &url.URL{
	Scheme: "http",
	User:   url.UserPassword("ci-bot", "M1rr0r-CI-b0t-2024"),
	Host:   "artifacts.buildfarm.acme-corp.io",
	Path:   "/releases",
}

// registryURL carries the pull credentials of the read-only robot account.
const registryURL = "https://robot$ship:f3K8qLz2Vn7Wx4Rb9Tc@registry.acme-corp.io/v2/"

// upstreamChangelog is public.
const upstreamChangelog = "http://changelog.acme-corp.io/feed.xml"

func fetchMirror(name string) (*http.Response, error) {
	u := *mirrorURL
	u.Path += "/" + name
	return http.Get(u.String())
}

// proxyURL is read from HTTP_PROXY in production; this default is a local squid.
var proxyURL = "http://proxy:3128"

// exampleURL is printed in --help.
const exampleURL = "http://user:password@shipyard.example.com"
