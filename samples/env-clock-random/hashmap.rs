// Builds a HashMap and prints it in iteration order, which depends on the random seed of its hasher: the
// standard library asks WASI for random bytes (random_get) the first time a HashMap is created.
use std::collections::HashMap;

fn main() {
    let words = ["apple", "banana", "cherry", "damson", "elder", "fig", "grape", "hazel"];
    let mut lengths = HashMap::new();
    for w in words {
        lengths.insert(w, w.len());
    }
    let order: Vec<String> = lengths.iter().map(|(w, n)| format!("{}={}", w, n)).collect();
    println!("{}", order.join(" "));
}
