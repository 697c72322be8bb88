// Package urllist: a value holding a list of URLs (a flag default such
// as etcd's "http://127.0.0.1:2379,http://127.0.0.1:4001") is judged by
// its members: all loopback is local; one public member is reported.
package urllist

import "flag"

// Not reported: every member is local.
const (
	defaultEtcdUrls   = "http://127.0.0.1:2379,http://127.0.0.1:4001"
	defaultBrokerURLs = "http://localhost:9092; http://localhost:9093"
	defaultPeerURLs   = "http://[::1]:2380 http://127.0.0.1:2380"
)

// Reported: a public member, first or later.
const (
	defaultEtcdClientUrls = "http://127.0.0.1:5000,http://registry.example.com:5000" // want `holds plain HTTP URL http://registry.example.com`
	defaultEtcdServerUrls = "http://mirror.example.com,http://127.0.0.1:8080"        // want `holds plain HTTP URL http://mirror.example.com`
	defaultAPIURLs        = "https://api.example.com,http://api2.example.com"
	defaultAuthURL        = "http://auth.example.com/oauth/token" // want `holds plain HTTP URL http://auth.example.com`
)

var (
	etcd     = flag.String("etcd-urls", defaultEtcdUrls, "etcd endpoints")
	brokers  = flag.String("brokers", defaultBrokerURLs, "brokers")
	peers    = flag.String("peers", defaultPeerURLs, "peers")
	registry = flag.String("registry", defaultEtcdClientUrls, "registries")
	mirror   = flag.String("mirror", defaultEtcdServerUrls, "mirrors")
	apis     = flag.String("apis", defaultAPIURLs, "apis")
	auth     = flag.String("auth", defaultAuthURL, "token endpoint")
)
