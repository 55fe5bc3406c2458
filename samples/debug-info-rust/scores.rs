// Scores words: a letter is worth its place in the alphabet (a = 1, z = 26), so "hello" scores 52. Prints each
// word with its score and grade, then the total and the best word. Built with -g -C opt-level=0 for jwdb's
// source-level debugging (see README.md).
use std::env;

enum Grade {
    Empty,
    Low(u32),
    High { score: u32, letters: usize },
}

struct Word<'a> {
    text: &'a str,
    score: u32,
    grade: Grade,
}

fn score(text: &str) -> u32 {
    let mut total = 0;
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            total += c.to_ascii_lowercase() as u32 - 'a' as u32 + 1;
        }
    }
    total
}

fn grade(text: &str, score: u32) -> Grade {
    if score == 0 {
        Grade::Empty
    } else if score < 50 {
        Grade::Low(score)
    } else {
        Grade::High { score, letters: text.len() }
    }
}

fn total(scores: &[u32]) -> u32 {
    let mut sum = 0;
    for s in scores {
        sum += s;
    }
    sum
}

fn describe(word: &Word) -> String {
    match word.grade {
        Grade::Empty => format!("{}: no letters", word.text),
        Grade::Low(n) => format!("{}: {} (low)", word.text, n),
        Grade::High { score, letters } => format!("{}: {} (high, {} letters)", word.text, score, letters),
    }
}

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let mut words: Vec<Word> = Vec::new();
    for arg in &args {
        let s = score(arg);
        let word = Word { text: arg, score: s, grade: grade(arg, s) };
        println!("{}", describe(&word));
        words.push(word);
    }
    let scores: Vec<u32> = words.iter().map(|w| w.score).collect();
    let sum = total(&scores);
    let mut best: Option<&Word> = None;
    for w in &words {
        match best {
            Some(b) if b.score >= w.score => {}
            _ => best = Some(w),
        }
    }
    match best {
        Some(w) => println!("total {}, best {:?} with {}", sum, w.text, w.score),
        None => println!("total {}, no words", sum),
    }
}
