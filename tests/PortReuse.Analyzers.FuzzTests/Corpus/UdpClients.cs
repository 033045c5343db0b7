using System;
using System.Net;
using System.Net.Sockets;

namespace Corpus.UdpClients
{
    public static class Receivers
    {
        public static void ByPort()
        {
            using var udp = new UdpClient(7000);
            IPEndPoint? from = null;
            byte[] data = udp.Receive(ref from);
            Console.WriteLine(data.Length);
        }

        public static void ByEndPoint()
        {
            var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 7001));
            udp.Close();
        }

        public static void ByPortAndFamily()
        {
            var udp = new UdpClient(7002, AddressFamily.InterNetworkV6);
            udp.Dispose();
        }

        public static void Unbound()
        {
            var udp = new UdpClient();
            udp.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            udp.Client.Bind(new IPEndPoint(IPAddress.Any, 7003));
        }

        public static void UnboundWithoutDecision()
        {
            var udp = new UdpClient(AddressFamily.InterNetwork);
            udp.Client.Bind(new IPEndPoint(IPAddress.Any, 7004));
        }

        public static void ExclusiveProperty()
        {
            var udp = new UdpClient();
            udp.ExclusiveAddressUse = true;
            udp.Client.Bind(new IPEndPoint(IPAddress.Loopback, 7005));
        }

        public static void Connecting()
        {
            var udp = new UdpClient("localhost", 7006);
            udp.Send(new byte[] { 1 }, 1);
        }
    }
}
