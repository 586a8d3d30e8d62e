// Test collections of this assembly run one at a time. Many of them start a whole service host (simulated camera at
// its line rate, LIBS, bootstrap training, OPC UA, Kestrel); run side by side on a 2-core build machine they starve each
// other's line pipelines, and the sorting tests then measure the machine rather than the service.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
