using System;
using System.Net;
using System.Net.Sockets;

namespace Corpus.FieldsAndInitializers
{
    public sealed class Gateway : IDisposable
    {
        private readonly Socket _control = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        private readonly TcpListener _listener;
        private Socket? _data;
        private static readonly IPAddress BindAddress = IPAddress.Any;
        private const int DataPort = 3001;

        public Gateway()
        {
            _listener = new TcpListener(IPAddress.Loopback, 3000) { ExclusiveAddressUse = true };
        }

        public UdpClient Discovery { get; } = new UdpClient(3002);

        public void Open()
        {
            _control.Bind(new IPEndPoint(BindAddress, 3003));
            _listener.Start();
            _data = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)
            {
                ExclusiveAddressUse = false,
                NoDelay = true,
            };
            _data.Bind(new IPEndPoint(IPAddress.Loopback, DataPort));
        }

        public void OpenUndecided()
        {
            var extra = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            extra.Bind(new IPEndPoint(IPAddress.Loopback, 3004));
        }

        public void Dispose()
        {
            _control.Dispose();
            _listener.Stop();
            _data?.Dispose();
            Discovery.Dispose();
        }
    }
}
