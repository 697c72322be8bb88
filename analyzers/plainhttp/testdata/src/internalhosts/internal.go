package internalhosts

import "net/http"

func calls() {
	http.Get("http://prometheus:9090/api/v1/query")      // want `http://prometheus:9090`
	http.Get("http://users.default.svc.cluster.local/")  // want `http://users.default.svc.cluster.local`
	http.Get("http://10.1.2.3/")                         // want `http://10.1.2.3`
	http.Get("http://169.254.169.254/latest/meta-data/") // still left alone: metadata is HTTP only
	http.Get("http://localhost:8080/")                   // still left alone: loopback
}
