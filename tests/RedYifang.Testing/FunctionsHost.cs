using System.Diagnostics;

namespace RedYifang.Testing;

/// <summary>
/// The real Azure Functions host (built from ../shared/tools/functions-host, the kit beside the repository) running
/// the app's Release build as a child process on a free loopback port, with the app's settings as environment
/// variables — as Azure sets app settings. Its log (host and worker) goes to a file that is kept.
/// </summary>
public sealed class FunctionsHost : ApiClient, IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly string _runDirectory;

    public string LogPath { get; }

    private FunctionsHost(Process process, StreamWriter log, Uri baseAddress, string logPath, string runDirectory) : base(baseAddress)
    {
        _process = process;
        _log = log;
        LogPath = logPath;
        _runDirectory = runDirectory;
    }

    /// <summary>The repository's root (the folder holding RedYifang.sln) above the running test.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RedYifang.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("RedYifang.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The kit that builds the host: ../shared/tools/functions-host beside the repository, or null.</summary>
    public static string? Kit()
    {
        var kit = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "tools", "functions-host"));
        return File.Exists(Path.Combine(kit, "build.sh")) ? kit : null;
    }

    /// <summary>The built host: FUNCTIONS_HOST_DIR (test.sh sets it), else the kit's cached build (built if needed).</summary>
    public static async Task<string> HostDirectoryAsync()
    {
        if (Environment.GetEnvironmentVariable("FUNCTIONS_HOST_DIR") is { Length: > 0 } dir) return dir;
        var kit = Kit() ?? throw new InvalidOperationException("The Functions host kit (../shared/tools/functions-host) is not here.");
        var build = Process.Start(new ProcessStartInfo("bash", [Path.Combine(kit, "build.sh")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var error = build.StandardError.ReadToEndAsync();
        var output = await build.StandardOutput.ReadToEndAsync();
        await build.WaitForExitAsync();
        if (build.ExitCode != 0) throw new InvalidOperationException("Building the Functions host failed: " + await error);
        return output.Trim().Split('\n')[^1];
    }

    /// <summary>The app's Release build: REDYIFANG_APP_DIR, else functions/RedYifang.Functions/bin/Release/net10.0.</summary>
    public static string ReleaseApp()
    {
        var app = Environment.GetEnvironmentVariable("REDYIFANG_APP_DIR") is { Length: > 0 } dir
            ? dir
            : Path.Combine(RepositoryRoot(), "functions", "RedYifang.Functions", "bin", "Release", "net10.0");
        return File.Exists(Path.Combine(app, "functions.metadata"))
            ? app
            : throw new FileNotFoundException(
                $"No Release build at {app}: run `dotnet build -c Release functions/RedYifang.Functions` (test.sh does).");
    }

    /// <summary>
    /// Starts the host over <paramref name="appDirectory"/> and waits until <paramref name="readyPath"/> answers 200.
    /// Settings are given as configuration keys ("Section:Name"); they reach the host as environment variables.
    /// </summary>
    public static async Task<FunctionsHost> StartAsync(
        string hostDirectory,
        string appDirectory,
        IReadOnlyDictionary<string, string?> settings,
        string logPath,
        string readyPath = "api/health",
        TimeSpan? within = null)
    {
        var port = FreePort.Next();
        var run = Directory.CreateTempSubdirectory("functions-host-").FullName;
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { Path.Combine(Kit() ?? throw new InvalidOperationException("No Functions host kit."), "run.sh"),
                     hostDirectory, appDirectory, port.ToString() })
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["FUNCTIONS_RUN_DIR"] = run;
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var started = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("The Functions host did not start.");
        // Each line carries the seconds since the process started: the host's console log has no time of its own.
        void Write(string? line)
        {
            if (line is null) return;
            lock (log)
            {
                // A last line may arrive after the host was stopped and its log closed.
                if (log.BaseStream is { CanWrite: true }) log.WriteLine($"{started.Elapsed.TotalSeconds,8:0.000} {line}");
            }
        }
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var host = new FunctionsHost(process, log, new Uri($"http://127.0.0.1:{port}/"), logPath, run);
        var deadline = Stopwatch.StartNew();
        // A guard against a host that never starts, not a measure: it starts in ~5 s on a quiet machine, and was seen taking 92 s
        // on this two-core machine at a load average of 34.
        var limit = within ?? TimeSpan.FromMinutes(3);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The Functions host exited ({process.ExitCode}) before it was ready; see {logPath}.");
            }
            if (await host.AnswersAsync(readyPath)) return host;
            if (deadline.Elapsed > limit)
            {
                await host.DisposeAsync();
                throw new TimeoutException($"The Functions host did not answer {readyPath} within {limit}; see {logPath}.");
            }
            await Task.Delay(20); // fine-grained, so the cold-start benchmark measures the host and not this loop
        }
    }

    /// <summary>Whether GET <paramref name="path"/> answers 200 now.</summary>
    public async Task<bool> AnswersAsync(string path)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            using var response = await Http.GetAsync(path, timeout.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>Stops the host with SIGTERM (it stops its worker), then kills what is left.</summary>
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await ChildProcess.StopAsync(_process, TimeSpan.FromSeconds(15));
        lock (_log) _log.Dispose();
        _process.Dispose();
        try
        {
            Directory.Delete(_runDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

}
