/** The embedded ActiveMQ Classic peer with its JDBC persistence adapter on PostgreSQL. */
package dev.postbox.benchmarks.classic;
