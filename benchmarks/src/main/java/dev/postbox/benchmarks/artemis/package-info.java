/** The two embedded ActiveMQ Artemis peers: JDBC store on PostgreSQL, and file journal. */
package dev.postbox.benchmarks.artemis;
