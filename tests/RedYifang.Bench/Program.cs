using RedYifang.Bench;

return args.FirstOrDefault() switch
{
    "orders" => await OrdersBench.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: RedYifang.Bench orders [requests=2000] [concurrency=16]");
    return 2;
}
