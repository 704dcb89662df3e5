using Microsoft.Extensions.Hosting;
using RedYifang.Functions;

AppHost.CreateBuilder(args).Build().Run();
