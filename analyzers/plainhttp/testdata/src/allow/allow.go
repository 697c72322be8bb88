package allow

import "net/http"

func calls() {
	http.Get("http://legacy.example.com/api")  // allowed by -allow-hosts
	http.Get("http://build.lab.example/api")   // allowed by suffix
	http.Get("http://legacy2.example.com/api") // want `http://legacy2.example.com`
	http.Get("http://notlab.example/api")      // want `http://notlab.example`
}
