module example.com/stigmer-e2e-any-runner

go 1.19
