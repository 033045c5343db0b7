using System;
using System.Net;
using System.Net.Sockets;

namespace Corpus.TcpListenerStart
{
    public sealed class Listeners
    {
        private const int Port = 5000;

        public void Plain()
        {
            var listener = new TcpListener(IPAddress.Any, Port);
            listener.Start();
            listener.Stop();
        }

        public void Loopback()
        {
            var listener = new TcpListener(new IPEndPoint(IPAddress.Loopback, 5001));
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start(10);
            listener.Stop();
        }

        public void Exclusive()
        {
            var listener = new TcpListener(IPAddress.IPv6Loopback, 5002);
            listener.ExclusiveAddressUse = true;
            listener.Start();
        }

        public void Created()
        {
            var listener = TcpListener.Create(5003);
            listener.Start();
            Console.WriteLine(listener.LocalEndpoint);
        }

        public void CreatedWithDecision()
        {
            TcpListener listener = TcpListener.Create(5004);
            listener.Server.ExclusiveAddressUse = false;
            listener.Start();
        }

#pragma warning disable CS0618
        public void Obsolete()
        {
            var listener = new TcpListener(5005);
            listener.Start();
        }
#pragma warning restore CS0618

        public void Branches(bool share)
        {
            var listener = new TcpListener(IPAddress.Parse("127.0.0.1"), 5006);
            if (share)
            {
                listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            }

            listener.Start();
        }
    }
}
