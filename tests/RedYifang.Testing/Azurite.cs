using System.Diagnostics;
using System.Net.Sockets;

namespace RedYifang.Testing;

/// <summary>
/// A private Azurite (the project's own, from node_modules) on free loopback ports with a temporary data
/// folder. Stop and start it again on the same ports and folder to test outages.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    // Azurite's published development account; not a secret.
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string _folder = Directory.CreateTempSubdirectory("azurite-").FullName;
    private Process? _process;

    public int BlobPort { get; } = FreePort.Next();
    public int QueuePort { get; } = FreePort.Next();
    public int TablePort { get; } = FreePort.Next();

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    public static async Task<Azurite> StartNewAsync()
    {
        var azurite = new Azurite();
        await azurite.StartAsync();
        return azurite;
    }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(Executable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--location", _folder, "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                     "--blobPort", BlobPort.ToString(), "--queuePort", QueuePort.ToString(), "--tablePort", TablePort.ToString(),
                     "--skipApiVersionCheck", "--disableTelemetry", "--silent",
                 })
        {
            start.ArgumentList.Add(arg);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await IsListening(BlobPort) && await IsListening(QueuePort) && await IsListening(TablePort)))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline) throw new InvalidOperationException("Azurite did not come up.");
            await Task.Delay(100);
        }
    }

    /// <summary>Stops Azurite with SIGTERM (it flushes and exits cleanly) and waits for it.</summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        await ChildProcess.StopAsync(_process, TimeSpan.FromSeconds(10));
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<bool> IsListening(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>node_modules/.bin/azurite of the repository this test runs in (installed by test.sh from package.json).</summary>
    private static string Executable()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "node_modules", ".bin", "azurite");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("node_modules/.bin/azurite not found above the test folder: run `npm ci` (test.sh does).");
    }
}

public static class FreePort
{
    private static readonly HashSet<int> Taken = [];

    /// <summary>A loopback port that nothing listens on now and that this process has not handed out before.</summary>
    public static int Next()
    {
        lock (Taken)
        {
            while (true)
            {
                var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
                listener.Start();
                var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (Taken.Add(port)) return port;
            }
        }
    }
}
