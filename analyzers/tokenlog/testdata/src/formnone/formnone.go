package formnone

// formnone reads only fields that are no credential (a page, a user
// name, an OAuth callback's code): its logged forms are silent.

import (
	"log"
	"net/http"
)

func Handle(w http.ResponseWriter, r *http.Request) {
	_ = r.FormValue("page")
	_ = r.PostFormValue("username")
	_ = r.FormValue("code")
	log.Printf("form %v", r.Form)     // silent
	log.Printf("post %v", r.PostForm) // silent
}
