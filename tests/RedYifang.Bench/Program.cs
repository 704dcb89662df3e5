using RedYifang.Bench;

return args.FirstOrDefault() switch
{
    "orders" => await OrdersBench.RunAsync(args.Skip(1).ToArray()),
    "solver" => await SolverBench.RunAsync(),
    "evidence" => await EvidenceBench.RunAsync(),
    "assessment" => await AssessmentBench.RunAsync(args.Skip(1).ToArray()),
    "coldstart" => await ColdStartBench.RunAsync(),
    "photo-peak" => EvidenceBench.PhotoPeak(args[1]),
    "solve-one" => SolverBench.Solve(args[1], int.Parse(args[2]), int.Parse(args[3]), int.Parse(args[4])),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: RedYifang.Bench orders [requests=2000] [concurrency=16] [background] | solver | evidence | " +
                            "assessment [orgsPerDistrict=1000] [factsPerDistrict=8000] [districts=5] | coldstart");
    return 2;
}
