package api // want package:"analyzed"

import (
	"net/http"

	"example.com/kube/kubecfg"
	"k8s.io/client-go/rest"
)

type store interface {
	Rename(name string)
	Delete(name string)
}

type server struct {
	cfg   *rest.Config
	store store
}

// Near miss: loading the program's own cluster configuration checks no
// caller (headlamp's renameCluster).
func (s *server) rename(w http.ResponseWriter, r *http.Request) {
	if err := kubecfg.Load(s.cfg); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	s.store.Rename(r.PathValue("name"))
}

func (s *server) remove(w http.ResponseWriter, r *http.Request) { // want `handler server.remove authenticates the caller`
	if err := kubecfg.Check(r); err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	s.store.Delete(r.PathValue("name"))
}

func (s *server) routes() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /clusters/{name}/rename", s.rename)
	mux.HandleFunc("DELETE /clusters/{name}", s.remove)
	http.ListenAndServe(":8080", mux)
}
