using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace Corpus.NotSockets
{
    // Bind and Start that are not bind sites: nothing here may be reported.
    public sealed class Configuration
    {
        public void Bind(object target) => Console.WriteLine(target);
    }

    public static class Jobs
    {
        public static void Run(Configuration configuration)
        {
            configuration.Bind(new object());
            var task = new Task(() => { });
            task.Start();
            var info = new ProcessStartInfo("true");
            _ = info.FileName;
        }
    }

    public sealed class Socket
    {
        public void Bind(int port) => Console.WriteLine(port);
        public static void Use() => new Socket().Bind(80);
    }
}
