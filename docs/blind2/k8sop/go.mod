module example.org/k8sop

go 1.22
