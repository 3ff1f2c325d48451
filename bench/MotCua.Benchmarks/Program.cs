using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(MotCua.Benchmarks.DueDateBenchmarks).Assembly).Run(args);
