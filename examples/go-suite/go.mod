module example.com/stigmer-e2e-go-suite

go 1.19

require github.com/stigmer/stigmer-e2e/go v0.0.0

// In your project: `go get github.com/stigmer/stigmer-e2e/go` instead of this line.
replace github.com/stigmer/stigmer-e2e/go => ../../go
