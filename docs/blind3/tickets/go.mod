module example.com/blind3/tickets

go 1.23

require github.com/go-chi/chi/v5 v5.3.2
